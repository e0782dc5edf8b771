import { Heading } from '@chakra-ui/react';

/** Placeholder until the records area is built: visit summaries, documents and bills. */
export default function RecordsRoutes() {
  return <Heading size="lg">records</Heading>;
}
