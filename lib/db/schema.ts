// The database schema, one file per domain. drizzle-kit (drizzle.config.ts) and the app read this
// module; every table is re-exported here so `import * as schema` sees them all.
export * from "./schema/identity";
export * from "./schema/audit";
export * from "./schema/inventory";
export * from "./schema/alerts";
