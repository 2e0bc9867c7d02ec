export * from './annotationRules';
export * from './ownerRules';
