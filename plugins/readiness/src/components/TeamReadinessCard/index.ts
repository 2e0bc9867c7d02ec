export { TeamReadinessCard } from './TeamReadinessCard';
