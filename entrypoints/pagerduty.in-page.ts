import { runOnCore } from '@/lib/integrations/core';
import pagerduty from '@/lib/integrations/sites/pagerduty';

// PagerDuty's buttons, among an incident's actions, once the user switches PagerDuty on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(pagerduty) });
