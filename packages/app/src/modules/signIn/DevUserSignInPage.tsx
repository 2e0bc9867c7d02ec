import { useState } from 'react';
import { ProxiedSignInPage } from '@backstage/core-components';
import { IdentityApi } from '@backstage/frontend-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardHeader,
  Container,
  Flex,
  List,
  ListRow,
  Text,
} from '@backstage/ui';
import {
  DEV_USER_HEADER,
  DEV_USER_PROVIDER_ID,
  DevUser,
  devUserChoice,
  userName,
} from './devUsers';
import styles from './DevUserSignInPage.module.css';

/** Delegates to the signed-in identity; signing out also forgets whom one chose to be. */
function forgettingChoiceOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    async signOut() {
      devUserChoice.forget();
      await identity.signOut();
    },
  };
}

/** The backend's reason (a ResponseError's body), not only "Request failed with 403 Forbidden". */
function reason(error?: Error): string | undefined {
  const body = (error as { body?: { error?: { message?: unknown } } })?.body;
  const message = body?.error?.message;
  return typeof message === 'string' ? message : error?.message;
}

const Frame = (props: { children: React.ReactNode }) => (
  <Container className={styles.page}>
    <Card className={styles.card}>
      <CardHeader>
        <Text as="h1" variant="title-small" weight="bold">
          Runway
        </Text>
        <Text as="p" color="secondary">
          Local development: choose who to be. Nothing checks who you are, so
          this sign-in exists only on your machine (auth.providers.devUser in
          app-config.yaml); production uses the organisation's single sign-on.
        </Text>
      </CardHeader>
      <CardBody>{props.children}</CardBody>
    </Card>
  </Container>
);

/**
 * `make start`'s sign-in page: lists the example users of auth.providers.devUser with what each
 * may do, and signs in as the one chosen (the devUser provider reads the x-runway-dev-user
 * header). The choice is kept in localStorage until sign-out.
 */
export function DevUserSignInPage(
  props: SignInPageProps & { users: DevUser[] },
) {
  const { users, onSignInSuccess } = props;
  const [chosen, setChosen] = useState(() => devUserChoice.read(users));

  if (!chosen) {
    return (
      <Frame>
        <List
          aria-label="Choose who to be"
          items={users.map(u => ({ id: u.userEntityRef, ...u }))}
          onAction={key => {
            devUserChoice.store(String(key));
            setChosen(String(key));
          }}
        >
          {user => (
            <ListRow
              id={user.userEntityRef}
              textValue={`${userName(user.userEntityRef)}: ${user.description}`}
              description={user.description}
            >
              {userName(user.userEntityRef)}
            </ListRow>
          )}
        </List>
      </Frame>
    );
  }

  const chooseAgain = () => {
    devUserChoice.forget();
    setChosen(undefined);
  };
  return (
    <ProxiedSignInPage
      key={chosen}
      provider={DEV_USER_PROVIDER_ID}
      headers={() => ({ [DEV_USER_HEADER]: chosen })}
      onSignInSuccess={identity =>
        onSignInSuccess(forgettingChoiceOnSignOut(identity))
      }
      ErrorComponent={({ error }) => (
        <Frame>
          <Flex direction="column" gap="3" align="start">
            <Alert
              status="danger"
              title={`Could not sign in as ${userName(chosen)}`}
              description={reason(error)}
            />
            <Button variant="secondary" onPress={chooseAgain}>
              Choose someone else
            </Button>
          </Flex>
        </Frame>
      )}
    />
  );
}
