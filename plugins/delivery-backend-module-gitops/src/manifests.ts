import { Deployment } from 'kubernetes-models/apps/v1';
import { isMap, isSeq, parseDocument, stringify, YAMLMap } from 'yaml';

/** What a deploy writes into the overlay of one service and environment. */
export type OverlayUpdate = {
  image: string;
  version: string;
  deployId: string;
  requestedBy?: string;
};

// The grammar of an image tag (docker/distribution reference): at most 128 characters.
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export const ANNOTATION_DEPLOY_ID = 'runway.dev/deploy-id';
/** The entity ref of the service a base or overlay belongs to. */
export const ANNOTATION_SERVICE = 'runway.dev/service';

/** Why `version` cannot be an image tag, or undefined when it can. */
export function imageTagProblem(version: string): string | undefined {
  return IMAGE_TAG.test(version)
    ? undefined
    : `version "${version}" is not a valid image tag (letters, digits, "_", "." and "-", at most 128, not starting with "." or "-")`;
}

const HEADER = (service: string, environment: string) =>
  `# Managed by Runway delivery: each deploy of ${service} to ${environment} sets images[].newTag\n` +
  `# in one commit (metadata.annotations name the deploy). Other fields are yours to edit.\n`;

/**
 * The overlay's kustomization.yaml with the image's `newTag` set to the version and the deploy
 * named in `metadata.annotations`; an existing file keeps its other fields and comments.
 * Throws, naming the file, when the existing file is not a Kustomization.
 */
export function updateOverlay(
  existing: string | undefined,
  names: {
    file: string;
    service: string;
    serviceRef: string;
    environment: string;
  },
  update: OverlayUpdate,
): string {
  const doc = parseDocument(
    existing ??
      `${HEADER(names.service, names.environment)}${stringify({
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        metadata: { name: `${names.service}-${names.environment}` },
        resources: ['../base'],
        images: [],
      })}`,
  );
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    throw new Error(
      `${names.file} is not valid YAML (${
        doc.errors[0]?.message ?? 'not a mapping'
      }); fix it in the repository`,
    );
  }
  if (doc.get('kind') !== 'Kustomization') {
    throw new Error(
      `${names.file} has kind ${String(doc.get('kind'))}, not Kustomization`,
    );
  }
  const claimed = claimProblem(doc, names.file, names.serviceRef);
  if (claimed) throw new Error(claimed);
  const images = doc.get('images');
  if (images !== undefined && !isSeq(images)) {
    throw new Error(`${names.file}: images must be a list`);
  }
  const entries = (isSeq(images) ? images.items : []) as YAMLMap[];
  // The entry for this image; a single entry under another name is the service's image too
  // (a team that renamed it in its base).
  const entry =
    entries.find(e => isMap(e) && e.get('name') === update.image) ??
    (entries.length === 1 && isMap(entries[0]) ? entries[0] : undefined);
  const added = { name: update.image, newTag: update.version };
  if (entry) {
    entry.set('newTag', update.version);
  } else if (isSeq(images)) {
    images.add(doc.createNode(added));
  } else {
    doc.set('images', doc.createNode([added]));
  }
  doc.setIn(['metadata', 'annotations', ANNOTATION_SERVICE], names.serviceRef);
  doc.setIn(['metadata', 'annotations', ANNOTATION_DEPLOY_ID], update.deployId);
  doc.setIn(['metadata', 'annotations', 'runway.dev/version'], update.version);
  if (update.requestedBy) {
    doc.setIn(
      ['metadata', 'annotations', 'runway.dev/requested-by'],
      update.requestedBy,
    );
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * Why the service cannot write to a base or overlay that names another service, or undefined.
 * The folder is the service's name, so two services of one name in different namespaces would
 * otherwise overwrite each other's files. A file naming no service (written before Runway named
 * them, or by a team) is taken as the deploying service's.
 */
export function serviceClaimProblem(
  existing: string,
  file: string,
  serviceRef: string,
): string | undefined {
  const doc = parseDocument(existing);
  return isMap(doc.contents) ? claimProblem(doc, file, serviceRef) : undefined;
}

function claimProblem(
  doc: ReturnType<typeof parseDocument>,
  file: string,
  serviceRef: string,
) {
  const owner = doc.getIn(['metadata', 'annotations', ANNOTATION_SERVICE]);
  return typeof owner === 'string' &&
    owner.toLocaleLowerCase('en-US') !== serviceRef.toLocaleLowerCase('en-US')
    ? `${file} belongs to ${owner}, and ${serviceRef} has the same name: the gitops driver keeps a service's files under its name, so only one of them can deploy with it (rename one, or point the other at another repository or basePath)`
    : undefined;
}

/**
 * A starting base for a service the repository has no base for: a kustomization and a
 * Deployment of the image (validated against the Kubernetes schema). The service's team owns
 * it from then on; Runway only writes the overlays.
 */
export function renderBase(
  service: string,
  serviceRef: string,
  image: string,
): Map<string, string> {
  const labels = {
    'app.kubernetes.io/name': service,
    'app.kubernetes.io/managed-by': 'runway',
  };
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: service, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: { 'app.kubernetes.io/name': service } },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: service, image }] },
      },
    },
  };
  new Deployment(deployment as any).validate();
  const header = `# Created by Runway at ${service}'s first deploy; yours to edit (the overlays set the tag).\n`;
  return new Map([
    [
      'kustomization.yaml',
      header +
        stringify({
          apiVersion: 'kustomize.config.k8s.io/v1beta1',
          kind: 'Kustomization',
          metadata: { annotations: { [ANNOTATION_SERVICE]: serviceRef } },
          resources: ['deployment.yaml'],
        }),
    ],
    ['deployment.yaml', header + stringify(deployment, { version: '1.1' })],
  ]);
}
