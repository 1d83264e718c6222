import { genderOfGivenName } from './entity-types.ts';

// Common given names, to keep "she" from resolving to a man. A name not listed stays unknown and
// matches either pronoun; a pronoun resolved to a person also teaches their gender.

const FEMALE = new Set(
  ('mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley ' +
    'kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen ' +
    'amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet ' +
    'catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith ' +
    'megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail ' +
    'alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany ' +
    'charlotte marie kayla alexis lori hillary hilary nikki condoleezza kellyanne huma chelsea melania ivanka tiffany ' +
    'claire elise nancy kirsten dianne debbie loretta janet madeleine samantha susana michele tammy kamala elizabeth ' +
    'angela theresa marine christine federica ursula jacinda nicola sonia yulia irina olga svetlana tatiana natalia ' +
    'maria valentina elena ekaterina anastasia fatima aisha leila mona maya nadia sofia lucia carmen rosa ana marta ' +
    'ines julia jane joanne jill stacey stacy megyn katie kate kathy cathy sue peggy wendy gwen jan ruth cia marcia ' +
    'minyon jennifer alicia gennifer mika andrea donna donna brooke paige erin hope kristen kirsten').split(' '),
);

const MALE = new Set(
  ('james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark ' +
    'donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary ' +
    'nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond ' +
    'jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle walter ethan jeremy harold keith ' +
    'christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert ' +
    'willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny ' +
    'barack bill mitt mitch chuck newt rudy reince mike marco ted rand bernie tim jeb chris jeff vladimir dmitry sergey ' +
    'sergei boris hassan bashar xi recep benjamin emmanuel francois ban ki-moon raul fidel hugo nicolas abdel ' +
    'mohammed muhammad ahmed ali omar hamid kim jong shinzo narendra justin malcolm tony gordon david nigel jean-claude ' +
    'pavel ivan igor alexei alexey andrei mikhail yuri oleg viktor petro volodymyr ramzan josh harry lindsey jim lloyd ' +
    'hal kerr adam elijah trey jason devin darrell reid dick al ken hank sonny').split(' '),
);

/**
 * The list above (names of the news it was written for) and compromise's lexicon of given names;
 * where they disagree the name is given to both ("Kim", "Lindsey", "Jesse") and the text's own
 * pronouns decide.
 */
export function genderOfFirstName(name: string): 'male' | 'female' | 'unknown' {
  const key = name.toLowerCase().replace(/[.'’]/g, '');
  const listed = FEMALE.has(key) ? 'female' : MALE.has(key) ? 'male' : 'unknown';
  const lexicon = genderOfGivenName(key);
  if (listed === 'unknown') return lexicon;
  return lexicon === 'unknown' || lexicon === listed ? listed : 'unknown';
}
