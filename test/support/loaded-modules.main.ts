/**
 * Boots the module with the env it is given and prints which heavy SDK parts
 * Node actually loaded, so a test can prove "rate 0 loads no tracing code".
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SentryModule } from '../../libs/sentry/src';

@Module({ imports: [SentryModule.forRootAsync()] })
class LoadedModulesAppModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(LoadedModulesAppModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const loaded = Object.keys(require.cache);
  const count = (pattern: RegExp) => loaded.filter((file) => pattern.test(file)).length;
  const report = {
    // The OpenTelemetry API alone comes with @sentry/node 11; its SDK and instrumentations are the cost.
    opentelemetrySdk: count(/node_modules[\\/]@opentelemetry[\\/](?!api[\\/])/),
    sentryNode: count(/node_modules[\\/]@sentry[\\/](node|nestjs)[\\/]/),
    profiler: count(/node_modules[\\/]@sentry[\\/](profiling-node|node-cpu-profiler)[\\/]/),
  };
  process.stdout.write(`REPORT ${JSON.stringify(report)}\nLISTENING ${await app.getUrl()}\n`);
}

void main();
