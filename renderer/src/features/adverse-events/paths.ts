// The adverse-event screens' addresses: the clinic's open events, recording one for a patient, one event.
export const adverseEventPaths = {
  adverseEvents: '/adverse-events',
  adverseEventNew: '/patients/:id/adverse-events/new',
  adverseEvent: '/adverse-events/:id',
} as const;
