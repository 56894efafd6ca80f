// Common Italian names for the fictional persons of the demo data.

export const FEMALE_NAMES = [
  'Giulia', 'Francesca', 'Chiara', 'Sara', 'Martina', 'Valentina', 'Elena', 'Alessia', 'Federica', 'Silvia',
  'Laura', 'Anna', 'Paola', 'Roberta', 'Monica', 'Simona', 'Elisa', 'Ilaria', 'Claudia', 'Barbara',
  'Cristina', 'Daniela', 'Marta', 'Beatrice', 'Giorgia', 'Noemi', 'Aurora', 'Camilla', 'Alice', 'Sofia',
] as const;

export const MALE_NAMES = [
  'Marco', 'Luca', 'Andrea', 'Matteo', 'Alessandro', 'Davide', 'Simone', 'Federico', 'Lorenzo', 'Stefano',
  'Francesco', 'Giuseppe', 'Paolo', 'Roberto', 'Massimo', 'Fabio', 'Riccardo', 'Giacomo', 'Tommaso', 'Emanuele',
  'Nicola', 'Filippo', 'Michele', 'Daniele', 'Gabriele', 'Claudio', 'Enrico', 'Pietro', 'Samuele', 'Leonardo',
] as const;

export const FAMILY_NAMES = [
  'Rossi', 'Bianchi', 'Ferrari', 'Esposito', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno',
  'Gallo', 'Conti', 'Costa', 'Giordano', 'Mancini', 'Rizzo', 'Lombardi', 'Moretti', 'Barbieri', 'Fontana',
  'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara', 'Galli', 'Martini', 'Leone', 'Longo', 'Gentile',
  'Martinelli', 'Vitale', 'Serra', 'Coppola', 'Sala', 'Fabbri', 'Zanetti', 'Cavallo', 'Pellegrini', 'Palumbo',
  'Sanna', 'Farina', 'Rizzi', 'Monti', 'Cattaneo', 'Morelli', 'Amato', 'Silvestri', 'Mazza', 'Testa',
  'Grasso', 'Pellegrino', 'Carbone', 'Giuliani', 'Benedetti', 'Barone', 'Rossetti', 'Caputo', 'Montanari', 'Guerra',
  'Zanotti', 'Malaguti', 'Bernardi', 'Bonetti', 'Venturi', 'Sarti', 'Ghedini', 'Tonelli', 'Cenacchi', 'Pizzirani',
] as const;
