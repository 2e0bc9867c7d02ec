import { Link, Text } from '@backstage/ui';
import { EnvironmentResponse } from '@internal/plugin-environments-common';
import { ReactNode } from 'react';
import { entityPath, shortRef } from '../shared/links';
import { formatDateTime } from '../shared/time';
import styles from './EnvironmentPage.module.css';

const EntityLink = ({ entityRef }: { entityRef: string }) => {
  const href = entityPath(entityRef);
  return href ? (
    <Link href={href}>{shortRef(entityRef)}</Link>
  ) : (
    <>{entityRef}</>
  );
};

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <dt>{label}</dt>
    <dd>{children}</dd>
  </>
);

/** Who owns it, what it serves, where it came from, and who may act on it. */
export const DetailsList = ({
  environment: env,
}: {
  environment: EnvironmentResponse;
}) => {
  const rows: Array<[string, ReactNode]> = [
    ['Owner', <EntityLink entityRef={env.owner} />],
    [
      'Component',
      env.component ? <EntityLink entityRef={env.component} /> : '—',
    ],
    ['Class', env.className],
    ['Template', env.template ?? '—'],
    ['Requested by', <EntityLink entityRef={env.createdBy} />],
    ['Created', formatDateTime(env.createdAt)],
    ['Last change', formatDateTime(env.updatedAt)],
  ];
  if (env.approval) {
    rows.push([
      env.approval.decision === 'approved' ? 'Approved by' : 'Rejected by',
      <>
        <EntityLink entityRef={env.approval.decidedBy} />,{' '}
        {formatDateTime(env.approval.decidedAt)}
        {env.approval.reason && `: ${env.approval.reason}`}
      </>,
    ]);
  }
  rows.push(['Id', <span className={styles.value}>{env.id}</span>]);

  return (
    <>
      <dl className={styles.pairs}>
        {rows.map(([label, value]) => (
          <Row key={label} label={label}>
            {value}
          </Row>
        ))}
      </dl>
      {!env.viewer.isOwner && !env.viewer.isPlatformTeam && (
        <Text as="p" variant="body-small" color="secondary">
          Members of {shortRef(env.owner)} and the platform team can extend it
          or tear it down.
        </Text>
      )}
    </>
  );
};
