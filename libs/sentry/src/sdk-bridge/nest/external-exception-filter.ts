/*
 * Nest's handler for exceptions in external contexts (GraphQL and others): logs and rethrows.
 * Not in @nestjs/core's barrel, so reached by its deep path, here only.
 */
export { ExternalExceptionFilter } from '@nestjs/core/exceptions/external-exception-filter';
