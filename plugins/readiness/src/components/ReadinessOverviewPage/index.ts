export { ReadinessOverviewPage } from './ReadinessOverviewPage';
