import { render } from 'preact';
import { Options } from '../../components/options/Options';

render(<Options />, document.getElementById('app')!);
