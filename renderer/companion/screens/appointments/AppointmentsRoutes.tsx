import { Heading } from '@chakra-ui/react';

/** Placeholder until the appointments area is built: my appointments: upcoming and past, cancel and reschedule. */
export default function AppointmentsRoutes() {
  return <Heading size="lg">appointments</Heading>;
}
