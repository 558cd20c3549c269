// The route registry: every registered address parses back to its route, today's URLs keep working, roles decide screens.
import { describe, expect, it } from 'vitest';
import { registeredRoutes, landingFor, mayOpen, navFor } from '../../renderer/src/app/registry';
import { type Route, hrefFor, parseRoute, routePatterns } from '../../renderer/src/app/router';

/** A route for a pattern with every parameter filled in, e.g. `{ name: 'inquiry', id: 12 }`. */
function sample(name: string, pattern: string): Route {
  const params = Object.fromEntries([...pattern.matchAll(/:(\w+)/g)].map(([, key]) => [key, 12]));
  return { ...params, name } as Route;
}

describe('route registry', () => {
  it('round-trips every registered route through its address', () => {
    expect(routePatterns().length).toBeGreaterThan(10);
    for (const [name, pattern] of routePatterns()) {
      const route = sample(name, pattern);
      expect(parseRoute(hrefFor(route))).toEqual(route);
    }
  });

  it('keeps every address the app and its tests already use', () => {
    const urls: [string, Route][] = [
      ['#/', { name: 'home' }],
      ['#/inquiries', { name: 'inquiries' }],
      ['#/inquiries?status=open&page=2', { name: 'inquiries' }],
      ['#/inquiries/new', { name: 'inquiryNew' }],
      ['#/inquiries/12', { name: 'inquiry', id: 12 }],
      ['#/inquiries/12/edit', { name: 'inquiryEdit', id: 12 }],
      ['#/inquiries/12/convert', { name: 'inquiryConvert', id: 12 }],
      ['#/patients', { name: 'patients' }],
      ['#/patients/new', { name: 'patientNew' }],
      ['#/patients/duplicates', { name: 'duplicates' }],
      ['#/patients/7', { name: 'patient', id: 7 }],
      ['#/patients/7/edit', { name: 'patientEdit', id: 7 }],
      ['#/import', { name: 'import' }],
      ['#/accounts', { name: 'accounts' }],
      ['#/settings', { name: 'settings' }],
    ];
    for (const [url, route] of urls) {
      expect(parseRoute(url)).toEqual(route);
      expect(hrefFor(route)).toBe(url.replace(/\?.*$/, ''));
    }
    expect(parseRoute('')).toEqual({ name: 'home' });
  });

  it('knows nothing else', () => {
    for (const url of [
      '#/inquiries/0',
      '#/inquiries/-3',
      '#/inquiries/abc',
      '#/inquiries/12/delete',
      '#/patients/new/x',
      '#/nowhere',
    ]) {
      expect(parseRoute(url)).toEqual({ name: 'notFound' });
    }
    expect(hrefFor({ name: 'notFound' })).toBe('#/');
  });

  it('has one pattern per name, one screen per name, and no two patterns that match the same address', () => {
    const names = routePatterns().map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    expect(registeredRoutes.map((d) => d.name).sort()).toEqual([...names].sort());
    const shapes = routePatterns().map(([, pattern]) => pattern.replace(/:\w+/g, ':'));
    expect(new Set(shapes).size).toBe(shapes.length);
  });

  it('lands an admin on accounts and coordinators and doctors at home, and sends each from the other side', () => {
    expect(landingFor('admin')).toEqual({ name: 'accounts' });
    expect(landingFor('coordinator')).toEqual({ name: 'home' });
    expect(landingFor('doctor')).toEqual({ name: 'home' });
    expect(navFor('admin').map((d) => d.name)).toEqual(['accounts', 'exports', 'settings', 'backups', 'audit']);
    expect(navFor('doctor').map((d) => d.name)).toEqual([
      'home',
      'inquiries',
      'inquiryNew',
      'patients',
      'followUps',
      'calendar',
      'outcomes',
      'adverseEvents',
      'clinicNumbers',
      'import',
      'exports',
    ]);
    expect(navFor('coordinator').map((d) => d.name)).toContain('followUps');
    expect(mayOpen({ name: 'followUps' }, 'admin')).toBe(false);
    expect(mayOpen({ name: 'settings' }, 'coordinator')).toBe(false);
    expect(mayOpen({ name: 'inquiry', id: 3 }, 'admin')).toBe(false);
    expect(mayOpen({ name: 'inquiry', id: 3 }, 'doctor')).toBe(true);
    expect(mayOpen({ name: 'notFound' }, 'doctor')).toBe(true);
  });
});
