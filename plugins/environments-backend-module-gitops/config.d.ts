export interface Config {
  environments?: {
    drivers?: {
      /**
       * The `gitops` resource driver: an environment's Kubernetes manifests committed to a
       * GitOps repository (for Argo CD or Flux). Without this section the driver is not
       * registered. Set exactly one of `localPath` and `url`.
       */
      gitops?: {
        /**
         * A git working repository on the backend's disk, relative to the backend's working
         * directory or absolute. Commits go straight onto its checked-out branch (local use).
         */
        localPath?: string;
        /**
         * A remote repository (https://, ssh:// or file://). The driver keeps a clone under the
         * backend's working directory (`backend.workingDirectory`, default the OS temp dir).
         */
        url?: string;
        /** User name for HTTPS basic auth with `token` or `password`. Default `x-access-token`. */
        username?: string;
        /**
         * Access token for HTTPS (sent as the basic-auth password).
         * @visibility secret
         */
        token?: string;
        /**
         * Password for HTTPS basic auth.
         * @visibility secret
         */
        password?: string;
        /** Branch the manifests are committed to. Default `main`. */
        branch?: string;
        /** Author and committer of the driver's commits. */
        author?: {
          /** Default `Runway`. */
          name?: string;
          /** Default `runway@localhost`. */
          email?: string;
        };
        /** Folder of the environments in the repository. Default `envs`. */
        basePath?: string;
        /** Prefix of each environment's namespace name. Default none. */
        namespacePrefix?: string;
        /** Where the clone of `url` lives. Default `<backend.workingDirectory>/runway-gitops`. */
        workDirectory?: string;
        /** Upper bounds of what a resource may ask for. */
        limits?: {
          /** Largest `parameters.cpu` (cores, e.g. `8` or `8000m`). Default `8`. */
          maxCpu?: string;
          /** Largest `parameters.memory` (e.g. `16Gi`). Default `16Gi`. */
          maxMemory?: string;
          /** Largest `parameters.pods`. Default 50. */
          maxPods?: number;
        };
      };
    };
  };
}
