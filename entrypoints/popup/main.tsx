import { render } from 'preact';
import '@/components/base.css';
import { Popup } from '@/components/Popup';

render(<Popup />, document.getElementById('app')!);
