export const EntityReadinessContent = () => null;
