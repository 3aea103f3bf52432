import { runOnCore } from '@/lib/integrations/core';
import bitrix24 from '@/lib/integrations/sites/bitrix24';

// Bitrix24's buttons, on task pages and CRM deal cards, once the user switches Bitrix24 on.
export default defineUnlistedScript({ globalName: false, main: () => runOnCore(bitrix24) });
