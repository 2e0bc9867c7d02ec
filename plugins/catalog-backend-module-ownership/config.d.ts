export interface Config {
  ownership?: {
    catalog?: {
      /**
       * How long the processor reuses what it read about an owner (Group or User), so a
       * catalog of thousands of entities with a few dozen owners makes a few dozen reads per
       * period. Default 30 seconds.
       */
      ownerCacheSeconds?: number;
    };
  };
}
