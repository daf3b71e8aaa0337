import { callEnded } from './callEnded';
import { callStarted } from './callStarted';
import { m2mOrderStateChanged } from './m2mOrderStateChanged';
import { missedCall } from './missedCall';
import { newChat } from './newChat';
import { newSmiley } from './newSmiley';
import { newSms } from './newSms';
import { newVoicemail } from './newVoicemail';
import type { TriggerEvent } from './types';

/** Every event of the trigger, by the value of its Event parameter. */
export const EVENTS: Record<string, TriggerEvent> = {
	callStarted,
	callEnded,
	missedCall,
	newVoicemail,
	newSmiley,
	newSms,
	newChat,
	m2mOrderStateChanged,
};
