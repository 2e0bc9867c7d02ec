import { useState } from 'react';
import { toastApiRef, useApi } from '@backstage/frontend-plugin-api';
import { Button } from '@backstage/ui';
import { AuditEventsFilter } from '@internal/plugin-audit-common';
import { auditApiRef } from '../../api/auditApiRef';
import { errorMessage } from './errors';

/**
 * Downloads every event matching the filters as CSV. The export needs the user's token, which
 * a plain link would not send, so it is fetched through the API and saved from a Blob URL.
 */
export const DownloadCsvButton = ({
  filter,
  isDisabled,
}: {
  filter: () => AuditEventsFilter;
  isDisabled?: boolean;
}) => {
  const api = useApi(auditApiRef);
  const toastApi = useApi(toastApiRef);
  const [pending, setPending] = useState(false);

  const download = async () => {
    setPending(true);
    try {
      const csv = await api.exportCsv(filter());
      saveBlob(new Blob([csv], { type: 'text/csv' }), 'audit-events.csv');
    } catch (error) {
      toastApi.post({
        title: 'Could not download the CSV',
        description:
          error instanceof Error ? errorMessage(error) : String(error),
        status: 'danger',
      });
    } finally {
      setPending(false);
    }
  };

  return (
    <Button
      variant="secondary"
      isPending={pending}
      isDisabled={isDisabled}
      onPress={download}
    >
      Download CSV
    </Button>
  );
};

function saveBlob(blob: Blob, fileName: string) {
  const href = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  URL.revokeObjectURL(href);
}
