import { useState } from 'react';
import { toastApiRef, useApi } from '@backstage/frontend-plugin-api';
import { Button } from '@backstage/ui';
import { ownershipApiRef } from '../../api/ownershipApiRef';
import { errorMessage } from '../shared/errorMessage';
import { OwnershipFilters } from './useOwnershipFilters';

/**
 * Downloads the entities matching the filters as CSV. The export needs the user's token, which
 * a plain link would not send, so it is fetched through the API and saved from a Blob URL.
 */
export const DownloadCsvButton = ({
  filters,
}: {
  filters: OwnershipFilters;
}) => {
  const api = useApi(ownershipApiRef);
  const toastApi = useApi(toastApiRef);
  const [pending, setPending] = useState(false);

  const download = async () => {
    setPending(true);
    try {
      const csv = await api.exportCsv('entities', filters);
      saveBlob(new Blob([csv], { type: 'text/csv' }), 'ownership.csv');
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
    <Button variant="secondary" isPending={pending} onPress={download}>
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
