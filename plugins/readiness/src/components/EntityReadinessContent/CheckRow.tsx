import { Link, MarkdownContent } from '@backstage/core-components';
import { ScorecardCheck } from '@internal/plugin-readiness-common';
import {
  Accordion,
  AccordionPanel,
  AccordionTrigger,
  Flex,
  Text,
} from '@backstage/ui';
import { StatusBadge } from '../shared/StatusBadge';
import { useEffect, useRef, useState } from 'react';
import { checkAnchor, LEVEL_LABEL, STATUS_LABEL } from '../shared/presentation';

/** A request to open a check's row; each request (a new number) opens it again. */
export type OpenedCheck = { checkId: string; request: number };

/** One check: status and title; open it for why it matters, what was seen and how to fix it. */
export const CheckRow = ({
  check,
  opened,
}: {
  check: ScorecardCheck;
  opened?: OpenedCheck;
}) => {
  const [expanded, setExpanded] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (opened?.checkId !== check.id) return;
    setExpanded(true);
    // jsdom has no scrolling.
    ref.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [opened, check.id]);
  return (
    // The anchor the fix-first list links to.
    <div id={checkAnchor(check.id)} ref={ref}>
      <Accordion isExpanded={expanded} onExpandedChange={setExpanded}>
        <AccordionTrigger
          title={check.title}
          subtitle={`${STATUS_LABEL[check.status]} · ${
            LEVEL_LABEL[check.level]
          } · weight ${check.weight}`}
        />
        <AccordionPanel>
          <Flex direction="column" gap="2">
            <Flex gap="2" align="center">
              <StatusBadge status={check.status} />
              {check.exemption && (
                <Text variant="body-small" color="warning">
                  Exempted until {check.exemption.expiresAt.slice(0, 10)} by{' '}
                  {check.exemption.createdBy}: {check.exemption.reason}
                </Text>
              )}
            </Flex>
            <Text variant="body-medium">{check.description}</Text>
            <Text variant="body-small" color="secondary">
              Seen: {check.detail || 'nothing to report'}
            </Text>
            {check.status !== 'pass' && check.status !== 'not-applicable' && (
              <div aria-label={`How to fix ${check.title}`}>
                <Text variant="title-x-small" weight="bold">
                  How to fix
                </Text>
                <MarkdownContent content={check.howToFix.markdown} />
                {check.howToFix.link && (
                  <Link to={check.howToFix.link}>Read more</Link>
                )}
              </div>
            )}
          </Flex>
        </AccordionPanel>
      </Accordion>
    </div>
  );
};
