import type { Client, SandboxUser, Tag, TagList } from '../state.ts';
import { addDays } from '../zone.ts';

/** The demo user's token is the one the founding document uses in its examples. */
export const DEMO_TOKEN = 'a36cabi96bba83f826';

export const ROOT_GROUP_ID = 552;
export const ACCOUNT_NAME = 'Bright Pixel';

export const USER_IDS = { demo: 1001, marta: 1002, jan: 1003, casey: 1004 } as const;
export type UserKey = keyof typeof USER_IDS;

export function seedUsers(today: string): SandboxUser[] {
  const yesterday = addDays(today, -1);
  return [
    {
      user_id: USER_IDS.demo,
      email: 'alex.rivera@brightpixel.example',
      display_name: 'Alex Rivera',
      token: DEMO_TOKEN,
      group_id: ROOT_GROUP_ID,
      register_time: '2019-05-14 10:21:33',
      login_time: `${yesterday} 08:52:10`,
      synch_time: `${yesterday} 17:31:02`,
      login_count: 1402,
      permissions: { time_tracking_admin: true, create_projects: true, can_view_rates: true },
      guest: false,
      default_role: 1,
    },
    {
      user_id: USER_IDS.marta,
      email: 'marta.nowak@brightpixel.example',
      display_name: 'Marta Nowak',
      token: '5d1e7c0a9b3f4e2d8c6a',
      group_id: ROOT_GROUP_ID + 1,
      register_time: '2021-02-01 09:00:12',
      login_time: `${yesterday} 08:31:45`,
      synch_time: `${yesterday} 16:58:20`,
      login_count: 775,
      permissions: { time_tracking_admin: false, create_projects: false, can_view_rates: false },
      guest: false,
      default_role: 3,
    },
    {
      user_id: USER_IDS.jan,
      email: 'jan.kowalski@brightpixel.example',
      display_name: 'Jan Kowalski',
      token: '7f3b9e1c2d4a6b8e0f1c',
      group_id: ROOT_GROUP_ID + 1,
      register_time: '2020-09-07 12:44:05',
      login_time: `${yesterday} 09:05:33`,
      synch_time: `${yesterday} 17:45:10`,
      login_count: 2208,
      permissions: { time_tracking_admin: false, create_projects: true, can_view_rates: true },
      guest: false,
      default_role: 3,
    },
    {
      user_id: USER_IDS.casey,
      email: 'casey@northwind.example',
      display_name: 'Casey Morgan',
      token: '9a8b7c6d5e4f3a2b1c0d',
      group_id: ROOT_GROUP_ID + 2,
      register_time: '2024-01-15 15:10:00',
      login_time: '1970-01-01 01:00:00',
      synch_time: '1970-01-01 01:00:00',
      login_count: 0,
      permissions: { time_tracking_admin: false, create_projects: false, can_view_rates: false },
      guest: true,
      default_role: 0,
    },
  ];
}

export const CLIENT_IDS = { acme: 18855, globex: 18856 } as const;

export function seedClients(): Client[] {
  return [
    {
      clientId: CLIENT_IDS.acme,
      firstName: 'Wile',
      lastName: 'Coyote',
      organizationName: 'Acme Corp',
      address: '1 Desert Road, Phoenix, AZ',
      currencyId: 1,
      email: 'accounts@acme.example',
      addedBy: USER_IDS.demo,
      added: '2022-03-24 17:00:21',
    },
    {
      clientId: CLIENT_IDS.globex,
      firstName: 'Hank',
      lastName: 'Scorpio',
      organizationName: 'Globex Retail Sp. z o.o.',
      address: 'ul. Kościuszki 33/4, 00-001 Warszawa',
      currencyId: 2,
      email: 'finance@globex.example',
      addedBy: USER_IDS.demo,
      added: '2023-01-10 11:12:13',
    },
  ];
}

export const TAG_LIST: TagList = { id: 8, name: 'Activity type' };
export const TAG_IDS = { development: 13, meeting: 14, review: 15, design: 16 } as const;

export function seedTags(): Tag[] {
  return [
    { id: TAG_IDS.development, listId: TAG_LIST.id, name: 'Development', mandatory: false },
    { id: TAG_IDS.meeting, listId: TAG_LIST.id, name: 'Meeting', mandatory: false },
    { id: TAG_IDS.review, listId: TAG_LIST.id, name: 'Code review', mandatory: false },
    { id: TAG_IDS.design, listId: TAG_LIST.id, name: 'Design', mandatory: false },
  ];
}
