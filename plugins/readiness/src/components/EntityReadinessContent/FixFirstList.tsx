import { Flex, Link, Text } from '@backstage/ui';
import { FixFirst } from '@internal/plugin-readiness-common';
import {
  capabilityTitle,
  checkAnchor,
  LEVEL_LABEL,
  STATUS_LABEL,
} from '../shared/presentation';

/**
 * The server's fix-first list: the checks blocking the next overall level, heaviest first,
 * each linked to its how-to-fix further down the tab.
 */
export const FixFirstList = ({
  fixFirst,
  onOpenCheck,
}: {
  fixFirst: FixFirst;
  /** Opens the check's row (its how-to-fix) when its link is followed. */
  onOpenCheck: (checkId: string) => void;
}) => {
  if (!fixFirst.level) {
    return (
      <Text as="p" variant="body-medium">
        Fix first: nothing, Gold is the highest level.
      </Text>
    );
  }
  const { checks } = fixFirst;
  if (checks.length === 0) {
    return (
      <Text as="p" variant="body-medium" color="secondary">
        Fix first: nothing yet, no check applies to this entity.
      </Text>
    );
  }
  return (
    <section aria-label="Fix first">
      <Text as="p" variant="body-medium">
        Fix first:{' '}
        {checks.length === 1
          ? '1 check blocks'
          : `${checks.length} checks block`}{' '}
        <strong>{LEVEL_LABEL[fixFirst.level]}</strong>, heaviest first.
      </Text>
      <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        {checks.map(check => (
          <li key={check.id}>
            <Flex gap="1" align="baseline" style={{ flexWrap: 'wrap' }}>
              <Link
                href={`#${checkAnchor(check.id)}`}
                onClick={() => onOpenCheck(check.id)}
              >
                {check.title}
              </Link>
              <Text variant="body-small" color="secondary">
                {capabilityTitle(check.capability)} ·{' '}
                {STATUS_LABEL[check.status]} · {LEVEL_LABEL[check.level]} ·
                weight {check.weight}
              </Text>
            </Flex>
          </li>
        ))}
      </ol>
    </section>
  );
};
