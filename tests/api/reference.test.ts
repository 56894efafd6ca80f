import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

describe('reference data', () => {
  it('is readable by every role', async () => {
    for (const user of ['admin', 'manager', 'cm.navile', 'uvm.bologna', 'coop.alfa']) {
      const call = await ctx.as(user);
      for (const path of ['districts', 'services', 'lots', 'cooperatives']) {
        expect((await call({ method: 'GET', url: `/api/${path}` })).statusCode, `${user} ${path}`).toBe(200);
      }
    }
  });

  it('lists services with their aliases and lots with rates in euro', async () => {
    const call = await ctx.as('manager');
    const services = (await call({ method: 'GET', url: '/api/services' })).json();
    expect(services).toContainEqual(expect.objectContaining({ code: 'CSM-NAVILE', kind: 'CSM', aliases: ['CSM NAVILE'] }));
    const lots = (await call({ method: 'GET', url: '/api/lots' })).json();
    expect(lots[0]).toMatchObject({ number: 1, hourlyRate: 26.5, ceiling: 100000, serviceKinds: ['CSM', 'NPIA'] });
    expect(lots[0].cooperativeIds).toHaveLength(2);
  });

  it('is written by the admin only', async () => {
    const body = {
      code: 'CSM-TEST',
      kind: 'CSM',
      name: 'CSM Test',
      districtId: ctx.world.districts.bologna,
      aliases: ['CSM TEST - EX PROVA'],
    };
    for (const user of ['manager', 'cm.navile', 'uvm.bologna', 'coop.alfa']) {
      const call = await ctx.as(user);
      expect((await call({ method: 'POST', url: '/api/services', payload: body })).statusCode, user).toBe(403);
    }
    const admin = await ctx.as('admin');
    const created = await admin({ method: 'POST', url: '/api/services', payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'CSM-TEST', aliases: ['CSM TEST - EX PROVA'], active: true });
    const renamed = await admin({ method: 'PATCH', url: `/api/services/${created.json().id}`, payload: { name: 'CSM Prova' } });
    expect(renamed.json()).toMatchObject({ name: 'CSM Prova', aliases: ['CSM TEST - EX PROVA'], active: true });
  });

  it('refuses duplicates with 409 and bad references with 400', async () => {
    const admin = await ctx.as('admin');
    const dup = await admin({
      method: 'POST',
      url: '/api/services',
      payload: { code: 'CSM-NAVILE', kind: 'CSM', name: 'Doppione', districtId: ctx.world.districts.bologna },
    });
    expect(dup.statusCode).toBe(409);
    const noDistrict = await admin({
      method: 'POST',
      url: '/api/services',
      payload: { code: 'CSM-X', kind: 'CSM', name: 'X', districtId: 999 },
    });
    expect(noDistrict.statusCode).toBe(400);
    expect(noDistrict.json().errors[0].path).toBe('districtId');
    const empty = await admin({ method: 'PATCH', url: `/api/services/${ctx.world.services.navile}`, payload: {} });
    expect(empty.statusCode).toBe(400);
    const missing = await admin({ method: 'PATCH', url: '/api/cooperatives/999', payload: { name: 'Nessuna' } });
    expect(missing.statusCode).toBe(404);
  });

  it('registers a cooperative and adds it to a lot', async () => {
    const admin = await ctx.as('admin');
    const coop = await admin({
      method: 'POST',
      url: '/api/cooperatives',
      payload: { name: 'Coop Delta (test)', vatNumber: '01234567890' },
    });
    expect(coop.statusCode).toBe(201);
    const lot = await admin({
      method: 'PATCH',
      url: `/api/lots/${ctx.world.lots.lot1}`,
      payload: { cooperativeIds: [ctx.world.coops.alfa, coop.json().id], hourlyRate: 27.25 },
    });
    expect(lot.statusCode).toBe(200);
    expect(lot.json()).toMatchObject({ hourlyRate: 27.25, cooperativeIds: [ctx.world.coops.alfa, coop.json().id] });
    const badRate = await admin({ method: 'PATCH', url: `/api/lots/${ctx.world.lots.lot1}`, payload: { hourlyRate: 27.255 } });
    expect(badRate.statusCode).toBe(400);
    const badCoop = await admin({ method: 'PATCH', url: `/api/lots/${ctx.world.lots.lot1}`, payload: { cooperativeIds: [12345] } });
    expect(badCoop.json().errors[0].path).toBe('cooperativeIds.0');
  });
});
