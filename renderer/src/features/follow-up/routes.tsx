// Follow-ups: the coordinators' (and doctors') worklist of remote follow-up visits to arrange after discharge.
import { defineRoutes } from '../../app/router';
import { FollowUpsScreen, prefetchFollowUps } from './FollowUpsScreen';

export const followUpRoutes = defineRoutes([
  {
    name: 'followUps',
    roles: ['coordinator', 'doctor'],
    screen: () => <FollowUpsScreen />,
    nav: { label: 'followUps:nav', order: 42, activeFor: ['paperForms'], prefetchData: prefetchFollowUps },
  },
]);
