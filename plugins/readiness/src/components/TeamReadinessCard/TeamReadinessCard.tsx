export const TeamReadinessCard = () => null;
