import { z } from 'zod';
import { helpCard } from '../../presenters/help';
import { card } from '../reply';
import { verb } from './verb';

export const helpShow = verb('help.show', z.object({}).loose(), async () => card(helpCard()));
