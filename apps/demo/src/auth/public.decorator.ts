import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'demo:isPublic';

/** Lets a handler or controller through the API-key guard (health checks). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
