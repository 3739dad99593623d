/** One shard of a large bench library, in a process of its own (buildLibrary in generate.ts). */
import { writeShard } from './generate'

const [file, from, to, size] = process.argv.slice(2)
writeShard(file!, Number(from), Number(to), Number(size))
