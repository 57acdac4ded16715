import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { SentryContext, SentryTag } from '@app/sentry';
import { CurrentUser } from '../auth/current-user.decorator';
import type { DemoUser } from '../auth/demo-user.interface';
import { CreateOrderDto } from './dto/create-order.dto';
import { FlagOrderDto } from './dto/flag-order.dto';
import { PayOrderDto } from './dto/pay-order.dto';
import { SlowQueryDto } from './dto/slow-query.dto';
import type { Order } from './order.model';
import { OrdersService } from './orders.service';

/**
 * The tenant's orders. Every event from these routes carries the tag
 * `feature: orders`, plus the user and `tenant_id` the scope interceptor
 * takes from `request.user`.
 */
@Controller('orders')
@SentryTag('feature', 'orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get()
  list(@CurrentUser() user: DemoUser): Promise<Order[]> {
    return this.orders.list(user);
  }

  @Post()
  create(@CurrentUser() user: DemoUser, @Body() dto: CreateOrderDto): Promise<Order> {
    return this.orders.create(user, dto);
  }

  // Static paths before `:id`.
  @Get('stats')
  @SentryTag('feature', 'reporting')
  stats(@CurrentUser() user: DemoUser): Promise<unknown[]> {
    return this.orders.stats(user);
  }

  @Get('slow')
  @SentryTag('feature', 'reporting')
  slow(@Query() query: SlowQueryDto): Promise<{ tookMs: number }> {
    return this.orders.slowReport(query.ms);
  }

  @Get(':id')
  get(@CurrentUser() user: DemoUser, @Param('id', ParseIntPipe) id: number): Promise<Order> {
    return this.orders.get(user, id);
  }

  @Get(':id/recalculate')
  recalculate(@CurrentUser() user: DemoUser, @Param('id', ParseIntPipe) id: number): Promise<{ id: number; totalCents: number }> {
    return this.orders.recalculate(user, id);
  }

  @Post(':id/pay')
  @HttpCode(200)
  @SentryTag('payment_provider', 'fakepay')
  @SentryContext('runbook', { owner: 'payments-team', url: 'https://runbooks.example.com/payments/provider-down' })
  pay(@CurrentUser() user: DemoUser, @Param('id', ParseIntPipe) id: number, @Body() dto: PayOrderDto): Promise<Order> {
    return this.orders.pay(user, id, dto);
  }

  @Post(':id/flag')
  @HttpCode(202)
  flag(@CurrentUser() user: DemoUser, @Param('id', ParseIntPipe) id: number, @Body() dto: FlagOrderDto): Promise<{ id: number; eventId?: string }> {
    return this.orders.flag(user, id, dto.reason);
  }
}
