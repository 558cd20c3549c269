// The method table: the single source of truth that every transport and the renderer share.
import type { z } from 'zod';
import { authMethods } from './auth';
import { inquiryMethods } from './inquiries';

export const methods = { ...authMethods, ...inquiryMethods } as const;

export type Methods = typeof methods;
export type Method = keyof Methods;
/** What a caller sends (before defaults and trimming). */
export type Input<M extends Method> = z.input<Methods[M]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<M extends Method> = z.output<Methods[M]['input']>;
export type Output<M extends Method> = z.output<Methods[M]['output']>;

export const isMethod = (name: string): name is Method => Object.prototype.hasOwnProperty.call(methods, name);

export * from './common';
export * from './auth';
export * from './inquiries';
export * from './bridge';
