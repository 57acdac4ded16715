/** Injection token of the `pg` Pool. */
export const PG_POOL = Symbol('PG_POOL');

/** Injection token of the embedded PostgreSQL handle (null when DATABASE_URL is set). */
export const EMBEDDED_POSTGRES = Symbol('EMBEDDED_POSTGRES');
