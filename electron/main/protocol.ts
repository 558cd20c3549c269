// Serves the renderer from app://strokedesk/ through appProtocolResponse (the shared path guard, CSP and headers).
import { protocol } from 'electron';
import { APP_SCHEME, appProtocolResponse } from './policies';

export function serveAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(rendererRoot, request.url));
}
