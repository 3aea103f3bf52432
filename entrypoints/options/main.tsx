import { render } from 'preact';
import '@/components/base.css';
import { Options } from '@/components/Options';

render(<Options />, document.getElementById('app')!);
