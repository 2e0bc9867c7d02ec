import { Container, Flex, Header, Select, Text } from '@backstage/ui';
import { useUrlParams } from '@internal/frontend-common';
import { DeliveryMetricsSection } from '../shared/DeliveryMetricsSection';
import { useGroups } from './useGroups';

const ORGANISATION = '__organisation__';

/** The organisation's delivery dashboard; a team selector (kept in the URL) narrows it to a team. */
export const DeliveryPage = () => {
  const { params, update } = useUrlParams();
  const team = params.get('team') ?? undefined;
  const groups = useGroups();
  const options = [
    { id: ORGANISATION, label: 'Whole organisation' },
    ...(groups.value ?? []),
    ...(team && !groups.value?.some(g => g.id === team)
      ? [{ id: team, label: team }]
      : []),
  ];
  const teamLabel = options.find(o => o.id === team)?.label;
  return (
    <>
      <Header
        title="Delivery"
        description="DORA metrics and where changes wait, for the organisation or one team"
      />
      <Container>
        <Flex direction="column" gap="5" style={{ paddingBottom: 32 }}>
          <Flex align="end" gap="4" style={{ flexWrap: 'wrap' }}>
            <div style={{ minWidth: 280 }}>
              <Select
                label="Team"
                options={options}
                value={team ?? ORGANISATION}
                onChange={key =>
                  update({
                    team:
                      typeof key === 'string' && key !== ORGANISATION
                        ? key
                        : undefined,
                  })
                }
                search={
                  options.length > 10
                    ? { placeholder: 'Find a team' }
                    : undefined
                }
              />
            </div>
            <Text as="p" variant="body-small" color="secondary">
              A team's figures are over the components it owns; its deployment
              frequency tier uses its typical service, not the sum.
            </Text>
          </Flex>
          <DeliveryMetricsSection
            key={team ?? ORGANISATION}
            scope={{ team }}
            title={team ? `Team: ${teamLabel}` : 'Organisation'}
          />
        </Flex>
      </Container>
    </>
  );
};
