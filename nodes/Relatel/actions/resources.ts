import type { INodeProperties } from 'n8n-workflow';

import * as call from './call';
import * as chat from './chat';
import * as contact from './contact';
import * as contactComment from './contactComment';
import * as employee from './employee';
import * as employeeGroup from './employeeGroup';
import * as m2mOrder from './m2mOrder';
import * as m2mSubscription from './m2mSubscription';
import * as message from './message';
import * as reception from './reception';
import * as smiley from './smiley';
import * as statistics from './statistics';
import type { OperationMap } from './types';
import * as voicemail from './voicemail';

/**
 * Every resource of the Relatel node: its operations (actions/<resource>/<operation>.operation.ts)
 * and its UI fields. The key is the `resource` parameter value.
 */
export const resources: Record<string, { operations: OperationMap; description: INodeProperties[] }> = {
	call,
	chat,
	contact,
	contactComment,
	employee,
	employeeGroup,
	m2mOrder,
	m2mSubscription,
	message,
	reception,
	smiley,
	statistics,
	voicemail,
};
