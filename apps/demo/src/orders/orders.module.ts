import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { FraudReviewListener } from './fraud-review.listener';
import { OrdersController } from './orders.controller';
import { OrdersRepository } from './orders.repository';
import { OrdersSeed } from './orders.seed';
import { OrdersService } from './orders.service';
import { PaymentGateway } from './payment.gateway';

@Module({
  imports: [DatabaseModule],
  controllers: [OrdersController],
  providers: [OrdersRepository, OrdersService, OrdersSeed, PaymentGateway, FraudReviewListener],
  exports: [OrdersRepository],
})
export class OrdersModule {}
