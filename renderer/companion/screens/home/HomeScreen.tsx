import { Heading } from '@chakra-ui/react';

/** Placeholder until the home area is built: home: the next appointment and, on the day, the live queue card. */
export default function HomeScreen() {
  return <Heading size="lg">home</Heading>;
}
