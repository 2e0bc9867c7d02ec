export interface Config {
  delivery?: {
    drivers?: {
      /**
       * The `gitops` deploy driver: a deploy sets the service's image tag in
       * `<basePath>/<service>/<environment>/kustomization.yaml` of a GitOps repository (Argo CD
       * or Flux apply it). Without this section the driver is not registered. Set exactly one
       * of `localPath` and `url`.
       */
      gitops?: {
        /** A git working repository on the backend's disk (local use); commits go onto its checked-out branch. */
        localPath?: string;
        /** A remote repository (https://, ssh:// or file://), cloned under `workDirectory`. */
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
        /** Branch the deploys are committed to. Default `main`. */
        branch?: string;
        /** Author and committer of the deploy commits. */
        author?: {
          /** Default `Runway`. */
          name?: string;
          /** Default `runway@localhost`. */
          email?: string;
        };
        /** Where the clone of `url` lives. Default `<backend.workingDirectory>/runway-gitops`. */
        workDirectory?: string;
        /** Folder of the services' manifests in the repository. Default `apps`. */
        basePath?: string;
        /**
         * Put before the service name to form the image name, e.g. `registry.example.com/skyline/`.
         * Default none (the image is named like the service).
         */
        imagePrefix?: string;
      };
    };
  };
}
