import { ReactNode } from 'react';
import { Flex, Text } from '@backstage/ui';
import styles from './shared.module.css';

/** What is missing and what to do about it. */
export const EmptyState = ({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) => (
  <div className={styles.empty}>
    <Flex direction="column" gap="2" align="center">
      <Text as="p" variant="title-x-small">
        {title}
      </Text>
      {children && (
        <Text as="p" color="secondary">
          {children}
        </Text>
      )}
      {action}
    </Flex>
  </div>
);
