// Hash routes (`#/inquiries/12`): they work the same under app:// in Electron and behind the loopback host.
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'inquiries' }
  | { name: 'inquiryNew' }
  | { name: 'inquiry'; id: number }
  | { name: 'inquiryEdit'; id: number }
  | { name: 'inquiryConvert'; id: number }
  | { name: 'patients' }
  | { name: 'patientNew' }
  | { name: 'patient'; id: number }
  | { name: 'patientEdit'; id: number }
  | { name: 'duplicates' }
  | { name: 'import' }
  | { name: 'accounts' }
  | { name: 'settings' }
  | { name: 'notFound' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\?.*$/, '') || '/';
  const parts = path.split('/').filter(Boolean);
  const [first, second, third] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (first === 'inquiries') {
    if (second === undefined) return { name: 'inquiries' };
    if (second === 'new' && third === undefined) return { name: 'inquiryNew' };
    const id = Number(second);
    if (Number.isInteger(id) && id > 0) {
      if (third === undefined) return { name: 'inquiry', id };
      if (third === 'edit') return { name: 'inquiryEdit', id };
      if (third === 'convert') return { name: 'inquiryConvert', id };
    }
  }
  if (first === 'patients') {
    if (second === undefined) return { name: 'patients' };
    if (second === 'new' && third === undefined) return { name: 'patientNew' };
    if (second === 'duplicates' && third === undefined) return { name: 'duplicates' };
    const id = Number(second);
    if (Number.isInteger(id) && id > 0) {
      if (third === undefined) return { name: 'patient', id };
      if (third === 'edit') return { name: 'patientEdit', id };
    }
  }
  if (first === 'import' && second === undefined) return { name: 'import' };
  if (first === 'accounts' && second === undefined) return { name: 'accounts' };
  if (first === 'settings' && second === undefined) return { name: 'settings' };
  return { name: 'notFound' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'inquiries':
      return '#/inquiries';
    case 'inquiryNew':
      return '#/inquiries/new';
    case 'inquiry':
      return `#/inquiries/${route.id}`;
    case 'inquiryEdit':
      return `#/inquiries/${route.id}/edit`;
    case 'inquiryConvert':
      return `#/inquiries/${route.id}/convert`;
    case 'patients':
      return '#/patients';
    case 'patientNew':
      return '#/patients/new';
    case 'patient':
      return `#/patients/${route.id}`;
    case 'patientEdit':
      return `#/patients/${route.id}/edit`;
    case 'duplicates':
      return '#/patients/duplicates';
    case 'import':
      return '#/import';
    case 'accounts':
      return '#/accounts';
    case 'settings':
      return '#/settings';
    case 'notFound':
      return '#/';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
