import { ReactNode } from 'react';
import { ButtonLink, Header } from '@backstage/ui';
import { createEnvironmentPath } from './links';
import { useEnvironmentLinks } from './useEnvironmentLinks';

/** The header of the list and fleet pages: the two tabs and the way to get an environment. */
export const PageHeader = ({
  active,
  title,
  description,
  actions,
}: {
  active: 'list' | 'fleet';
  title: string;
  description: string;
  actions?: ReactNode;
}) => {
  const links = useEnvironmentLinks();
  const tabs = [
    ...(links.list
      ? [{ id: 'list', label: 'Environments', href: links.list }]
      : []),
    ...(links.fleet
      ? [{ id: 'fleet', label: 'Fleet', href: links.fleet }]
      : []),
  ];
  return (
    <Header
      title={title}
      description={description}
      tabs={tabs}
      activeTabId={active}
      customActions={
        <>
          {actions}
          <ButtonLink href={createEnvironmentPath()} variant="primary">
            Create environment
          </ButtonLink>
        </>
      }
    />
  );
};
