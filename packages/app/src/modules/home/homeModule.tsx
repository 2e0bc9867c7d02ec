import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const content = `
## Runway

Skyline Travel's developer portal: every service, environment and deployment with a
named owner, and self-service for what used to need a ticket.

- **[Catalog](/)**: services, websites, libraries, APIs and resources, with their owners.
- **[Create](/create)**: templates kept by the platform team.
- **[Search](/search)**: the catalog and its docs.
`;

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'Welcome to Runway',
    description: 'Where to start in Runway',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget],
});
