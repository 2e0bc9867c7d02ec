import { useState } from 'react';
import {
  fetchApiRef,
  toastApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { Button } from '@backstage/ui';
import { OverviewQuery } from '@internal/plugin-readiness-common';
import { readinessApiRef } from '../../api/readinessApiRef';

const FILE_NAME = 'readiness-overview.csv';

/**
 * Downloads every entity matching the filters as CSV. The export needs the user's token, which
 * a plain link would not send, so it is fetched with the fetch API and saved from a Blob URL.
 */
export const DownloadCsvButton = ({ query }: { query: OverviewQuery }) => {
  const readinessApi = useApi(readinessApiRef);
  const fetchApi = useApi(fetchApiRef);
  const toastApi = useApi(toastApiRef);
  const [pending, setPending] = useState(false);

  const download = async () => {
    setPending(true);
    try {
      const url = await readinessApi.overviewCsvUrl(query);
      const response = await fetchApi.fetch(url);
      if (!response.ok) {
        throw new Error(`${response.status} ${response.statusText}`.trim());
      }
      saveBlob(await response.blob(), FILE_NAME);
    } catch (error) {
      toastApi.post({
        title: 'Could not download the CSV',
        description: error instanceof Error ? error.message : String(error),
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
