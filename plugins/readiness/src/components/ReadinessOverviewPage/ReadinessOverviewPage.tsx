export const ReadinessOverviewPage = () => null;
