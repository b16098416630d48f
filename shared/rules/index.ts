// The rules module's public surface.
export * from './errors';
export * from './context';
export * from './time';
export * from './vin';
export * from './sla';
export * from './businessTime';
export * from './sweeps';
export * from './newLead';
export * from './actions';
