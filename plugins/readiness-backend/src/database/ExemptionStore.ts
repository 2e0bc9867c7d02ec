/** An entity exempted from a check until it expires or is revoked. */
export type Exemption = {
  id: string;
  entityRef: string;
  checkId: string;
  reason: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
  revokedBy?: string;
};

export interface ExemptionStore {
  /** Creates an exemption; an active one for the same entity and check is a conflict. */
  create(
    exemption: Omit<Exemption, 'id' | 'createdAt' | 'revokedAt' | 'revokedBy'>,
    now: Date,
  ): Promise<Exemption>;
  revoke(
    id: string,
    revokedBy: string,
    now: Date,
  ): Promise<Exemption | undefined>;
  get(id: string): Promise<Exemption | undefined>;
  /** Exemptions of one entity, active and past. */
  listForEntity(entityRef: string): Promise<Exemption[]>;
  /** Active exemptions of the given entities at `now`, by entity ref. */
  activeFor(entityRefs: string[], now: Date): Promise<Map<string, Exemption[]>>;
}
