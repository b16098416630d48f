// All tables. Each area may add its own file here and re-export it.
export * from './core';
