export interface Config {
  environments?: {
    /**
     * Encrypts driver state and secrets at rest (AES-256-GCM, key derived with SHA-256); at
     * least 32 characters. Must be the same on every replica and must not change while
     * environments hold secrets. In production: ENVIRONMENTS_ENCRYPTION_KEY.
     * @visibility secret
     */
    encryptionKey?: string;
    /** Environment classes defined in config (the same shape as in class files). */
    classes?: Array<{ [key: string]: unknown }>;
    /** Class files (YAML, `classes:` then a list), relative to the backend's working directory. */
    classFiles?: string[];
    /** Hours before expiry that the owners get a notification. Default 24. */
    expiryNoticeHours?: number;
    /** Minutes between runs of the reaper that tears expired environments down. Default 5. */
    reaperIntervalMinutes?: number;
    /** Seconds between looks for unfinished work of a stopped backend. Default 30. */
    resumeIntervalSeconds?: number;
  };
}
