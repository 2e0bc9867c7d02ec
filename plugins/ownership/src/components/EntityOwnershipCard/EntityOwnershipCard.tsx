import { AlphaEntity } from '@backstage/catalog-model/alpha';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Alert, Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { OWNERSHIP_STATUS_TYPE } from '@internal/plugin-ownership-common';

/** The ownership findings the catalog module wrote into the entity's status. */
export const EntityOwnershipCard = () => {
  const { entity } = useEntity();
  const items = ((entity as AlphaEntity).status?.items ?? []).filter(
    i => i.type === OWNERSHIP_STATUS_TYPE,
  );
  return (
    <Card>
      <CardHeader>
        <Text as="h3" variant="title-small">
          Ownership problems
        </Text>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="2">
          {items.map(item => (
            <Alert
              key={item.message}
              status={item.level === 'error' ? 'danger' : 'warning'}
              title={item.message}
              description={
                typeof item.error?.field === 'string'
                  ? `Fix: ${item.error.field}`
                  : undefined
              }
            />
          ))}
        </Flex>
      </CardBody>
    </Card>
  );
};
